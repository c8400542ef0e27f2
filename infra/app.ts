// CDK entry point (`cdk.json` → `npx tsx infra/app.ts`).
import { buildApp } from './build-app';

buildApp().app.synth();

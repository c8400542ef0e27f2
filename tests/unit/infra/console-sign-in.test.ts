import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_ROUTE_KEYS } from '../../../functions/console/route-keys';
import { actionsOf, allowStatementsOfRole, logicalId, type Synthesized, synthesize } from './synth-helper';

type Resource = { Properties: Record<string, unknown> };

describe('ARR’s console on AWS', () => {
  let synth: Synthesized;

  beforeAll(() => {
    synth = synthesize({ loginDomainPrefix: 'arr-liberec-test' });
  }, 90_000);

  it('keeps its people in a user pool with admin-only sign-up, TOTP required and no SMS', () => {
    // Act
    const pools = Object.values(synth.stateful.findResources('AWS::Cognito::UserPool')) as Resource[];

    // Assess
    expect(pools).toHaveLength(1);
    expect(pools[0]!.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('has the two groups the console checks: arr and ridici-skupina', () => {
    // Act
    const groups = (Object.values(synth.stateful.findResources('AWS::Cognito::UserPoolGroup')) as Resource[]).map((group) => group.Properties.GroupName);

    // Assess
    expect(groups.sort()).toEqual(['arr', 'ridici-skupina']);
  });

  it('prints at deploy where ARR signs in, the base of the API and the user pool the accounts are created in', () => {
    // Act
    const stateless = synth.stateless.findOutputs('*') as Record<string, { Value: unknown }>;
    const stateful = synth.stateful.findOutputs('*') as Record<string, { Value: unknown }>;

    // Assess
    const endpoint = { 'Fn::GetAtt': [logicalId(synth.built.stateless.api), 'ApiEndpoint'] };
    expect(stateless.ApiUrl?.Value).toEqual(endpoint);
    expect(stateless.ConsoleUrl?.Value).toEqual({ 'Fn::Join': ['', [endpoint, '/arr']] });
    expect(stateful.UserPoolId?.Value).toEqual({ Ref: logicalId(synth.built.stateful.userPool) });
  });

  it('signs in on the newer managed login under the configured domain prefix', () => {
    // Assess
    synth.stateful.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'arr-liberec-test', ManagedLoginVersion: 2 });
    synth.stateless.resourceCountIs('AWS::Cognito::ManagedLoginBranding', 1);
  });

  it('has a public client with the code grant only, back to the console’s callback, and short revocable tokens', () => {
    // Act
    const clients = Object.values(synth.stateless.findResources('AWS::Cognito::UserPoolClient')) as Resource[];

    // Assess
    expect(clients).toHaveLength(1);
    const client = clients[0]!.Properties;
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
      IdTokenValidity: 15,
      RefreshTokenValidity: 480,
    });
    expect(JSON.stringify(client.CallbackURLs)).toContain('/arr/auth/callback');
    expect(JSON.stringify(client.LogoutURLs)).toContain('/arr/signed-out');
  });

  it('routes every console page to the console function without an IAM authorizer', () => {
    // Prepare
    const consoleIntegration = Object.entries(synth.stateless.findResources('AWS::ApiGatewayV2::Integration')).find(([, integration]) =>
      JSON.stringify((integration as Resource).Properties.IntegrationUri).includes(logicalId(synth.built.stateless.functions.console)),
    )?.[0];

    // Act
    const routes = (Object.values(synth.stateless.findResources('AWS::ApiGatewayV2::Route')) as Resource[]).filter((route) =>
      JSON.stringify(route.Properties.Target).includes(consoleIntegration ?? '-'),
    );

    // Assess
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual([...CONSOLE_ROUTE_KEYS].sort());
    expect(routes.every((route) => route.Properties.AuthorizationType === 'NONE')).toBe(true);
  });

  it('gives the console its issuer, client, logout URL and session key, and lets it read only that secret', () => {
    // Prepare
    const fn = synth.built.stateless.functions.console;
    const props = (synth.stateless.findResources('AWS::Lambda::Function')[logicalId(fn)] as Resource).Properties;

    // Act
    const variables = (props.Environment as { Variables: Record<string, unknown> }).Variables;
    const statements = allowStatementsOfRole(synth.stateless, logicalId(fn.role!));

    // Assess
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_LOGOUT_URL', 'SESSION_SECRET_ARN']));
    expect(JSON.stringify(variables.OIDC_LOGOUT_URL)).toContain('/logout');
    const secretRead = statements.filter((statement) => actionsOf([statement]).includes('secretsmanager:GetSecretValue'));
    expect(secretRead).toHaveLength(1);
    expect(JSON.stringify(secretRead[0]!.Resource)).toContain('ConsoleSessionKey');
    synth.stateful.hasResourceProperties('AWS::SecretsManager::Secret', { GenerateSecretString: Match.objectLike({ PasswordLength: 64 }) });
  });
});

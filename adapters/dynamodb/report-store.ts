import { randomUUID } from 'node:crypto';
import type { ReportStore } from '../../domain/ports';
import type { MonitoringReport } from '../../domain/report/model';
import { compressJson, decompressJson } from './compression';
import { keys } from './keys';
import type { DynamoTable } from './table';

/** Well under the 400 KB item limit, leaving room for the key and bookkeeping attributes. */
export const REPORT_CHUNK_BYTES = 300 * 1024;
const HEADER_ATTEMPTS = 5;
const READ_ATTEMPTS = 3;

interface ReportHeader {
  cycleId: string;
  /** Chunks live under `REPORT#<generation>#NNNN`; a new save never touches the chunks readers use. */
  generation: string;
  chunkCount: number;
  byteLength: number;
  assembledAt: string;
}

/**
 * A report of 2,000 projects exceeds one item, so it is stored gzip-compressed in chunks, written
 * before the header that points to them. The header is swapped with a compare-and-set on the
 * generation it replaces, and only the winner of that swap deletes the replaced chunks, so
 * concurrent saves never mix chunks and never delete chunks a header points to.
 */
export class DynamoReportStore implements ReportStore {
  constructor(private readonly table: DynamoTable) {}

  async saveReport(cycleId: string, report: MonitoringReport): Promise<void> {
    const compressed = await compressJson(report);
    const generation = randomUUID();
    const chunks: Uint8Array[] = [];
    for (let start = 0; start < compressed.length; start += REPORT_CHUNK_BYTES) {
      chunks.push(compressed.subarray(start, start + REPORT_CHUNK_BYTES));
    }
    await this.table.writeBatch(
      chunks.map((data, index) => ({ ...keys.reportChunk(cycleId, generation, index), generation, index, data })),
    );

    const header: ReportHeader = {
      cycleId,
      generation,
      chunkCount: chunks.length,
      byteLength: compressed.length,
      assembledAt: report.generatedAt,
    };
    let previous = await this.readHeader(cycleId);
    for (let attempt = 1; ; attempt += 1) {
      const swapped = await this.table.put(
        { ...keys.reportHeader(cycleId), ...header },
        previous === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
              ConditionExpression: '#generation = :previous',
              ExpressionAttributeNames: { '#generation': 'generation' },
              ExpressionAttributeValues: { ':previous': previous.generation },
            },
      );
      if (swapped) break;
      if (attempt >= HEADER_ATTEMPTS) {
        await this.deleteChunks(cycleId, header);
        throw new Error(`The report of cycle ${cycleId} kept being replaced concurrently; it was not saved.`);
      }
      previous = await this.readHeader(cycleId);
    }
    if (previous !== null) await this.deleteChunks(cycleId, previous);
  }

  async getReport(cycleId: string): Promise<MonitoringReport | null> {
    for (let attempt = 1; attempt <= READ_ATTEMPTS; attempt += 1) {
      const header = await this.readHeader(cycleId);
      if (header === null) return null;
      const items = await this.table.queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.cyclePartition(cycleId),
          ':prefix': keys.reportChunkPrefix(header.generation),
        },
      });
      // Fewer chunks: a newer save replaced this generation between the two reads; read it again.
      if (items.length !== header.chunkCount) continue;
      const data = Buffer.concat(items.map((item) => item['data'] as Uint8Array));
      return decompressJson<MonitoringReport>(data);
    }
    throw new Error(`The report of cycle ${cycleId} changed during ${READ_ATTEMPTS} reads in a row.`);
  }

  private async readHeader(cycleId: string): Promise<ReportHeader | null> {
    const item = await this.table.get(keys.reportHeader(cycleId));
    return item as ReportHeader | null;
  }

  private deleteChunks(cycleId: string, header: ReportHeader): Promise<void> {
    const chunkKeys = Array.from({ length: header.chunkCount }, (_, index) =>
      keys.reportChunk(cycleId, header.generation, index),
    );
    return this.table.writeBatch([], chunkKeys);
  }
}

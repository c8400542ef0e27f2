/**
 * An in-memory stand-in for the application table behind the mocked DynamoDB document client.
 * It evaluates the condition, update and key expressions the adapters send, so a handler under
 * test meets real conditional-check failures (a version stored twice, a cycle closed twice).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

type Item = Record<string, unknown>;
type Names = Record<string, string> | undefined;
type Values = Record<string, unknown> | undefined;

const TOKEN = /\s*(\(|\)|,|<>|<=|>=|=|<|>|[#:]?[A-Za-z_][A-Za-z0-9_]*)/y;

function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.length) {
    if (/^\s*$/.test(expression.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(expression);
    if (!match) throw new Error(`Fake table cannot read expression: ${expression}`);
    tokens.push(match[1] as string);
  }
  return tokens;
}

interface Scope {
  item: Item | undefined;
  names: Names;
  values: Values;
}

function attributeName(token: string, names: Names): string {
  return token.startsWith('#') ? (names?.[token] ?? token) : token;
}

function operand(token: string, scope: Scope): unknown {
  if (token.startsWith(':')) return scope.values?.[token];
  return scope.item?.[attributeName(token, scope.names)];
}

function compare(left: unknown, operator: string, right: unknown): boolean {
  if (operator === '=') return JSON.stringify(left) === JSON.stringify(right);
  if (operator === '<>') return JSON.stringify(left) !== JSON.stringify(right);
  if (left === undefined || right === undefined) return false;
  const [a, b] = [left as number | string, right as number | string];
  if (operator === '<') return a < b;
  if (operator === '<=') return a <= b;
  if (operator === '>') return a > b;
  return a >= b;
}

/** Conditions and key conditions: comparisons, attribute_(not_)exists, begins_with, AND, OR, NOT. */
function evaluate(expression: string, scope: Scope): boolean {
  const tokens = tokenize(expression);
  let position = 0;
  const next = () => tokens[position++] as string;
  const peek = () => tokens[position];

  const factor = (): boolean => {
    const token = next();
    if (token.toUpperCase() === 'NOT') return !factor();
    if (token === '(') {
      const value = disjunction();
      next();
      return value;
    }
    if (['attribute_exists', 'attribute_not_exists', 'begins_with'].includes(token)) {
      next();
      const first = next();
      let second: string | undefined;
      if (peek() === ',') {
        next();
        second = next();
      }
      next();
      if (token === 'begins_with') return String(operand(first, scope) ?? '\u0000').startsWith(String(operand(second as string, scope)));
      const exists = operand(first, scope) !== undefined;
      return token === 'attribute_exists' ? exists : !exists;
    }
    const operator = next();
    return compare(operand(token, scope), operator, operand(next(), scope));
  };
  const conjunction = (): boolean => {
    let value = factor();
    while (peek()?.toUpperCase() === 'AND') {
      next();
      value = factor() && value;
    }
    return value;
  };
  const disjunction = (): boolean => {
    let value = conjunction();
    while (peek()?.toUpperCase() === 'OR') {
      next();
      value = conjunction() || value;
    }
    return value;
  };
  return disjunction();
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

/** `SET a = :v, b = if_not_exists(b, :w)` and `REMOVE c`. */
function applyUpdate(item: Item, expression: string, names: Names, values: Values): void {
  const clauses = expression.split(/\b(SET|REMOVE|ADD)\b/).map((part) => part.trim()).filter((part) => part !== '');
  for (let index = 0; index < clauses.length; index += 2) {
    const [keyword, body] = [clauses[index], clauses[index + 1] ?? ''];
    for (const part of splitTopLevel(body)) {
      if (keyword === 'REMOVE') {
        delete item[attributeName(part, names)];
        continue;
      }
      if (keyword === 'ADD') {
        // `ADD name :value` on a number: a missing attribute counts as 0, as in DynamoDB.
        const [target, value] = part.split(/\s+/) as [string, string];
        const name = attributeName(target, names);
        item[name] = Number(item[name] ?? 0) + Number(operand(value, { item, names, values }));
        continue;
      }
      const [target, source] = part.split(/=(.*)/s).map((side) => side.trim()) as [string, string];
      const scope = { item, names, values };
      const ifNotExists = /^if_not_exists\(\s*([^,]+?)\s*,\s*([^)]+?)\s*\)$/.exec(source);
      item[attributeName(target, names)] = ifNotExists
        ? (operand(ifNotExists[1] as string, scope) ?? operand(ifNotExists[2] as string, scope))
        : operand(source, scope);
    }
  }
}

function conditionFailed(): ConditionalCheckFailedException {
  return new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
}

export class FakeTable {
  readonly items = new Map<string, Item>();
  readonly client = mockClient(DynamoDBDocumentClient);

  constructor() {
    this.install();
  }

  private keyOf(key: Item): string {
    return `${key['PK']}\u0000${key['SK']}`;
  }

  get(key: Item): Item | undefined {
    const item = this.items.get(this.keyOf(key));
    return item === undefined ? undefined : structuredClone(item);
  }

  /** Copies of the stored items that match. */
  find(predicate: (item: Item) => boolean): Item[] {
    return [...this.items.values()].filter(predicate).map((item) => structuredClone(item));
  }

  reset(): void {
    this.items.clear();
    this.client.reset();
    this.install();
  }

  private install(): void {
    this.client.on(GetCommand).callsFake((input) => {
      const item = this.get(input.Key);
      return item === undefined ? {} : { Item: item };
    });
    this.client.on(PutCommand).callsFake((input) => {
      const existing = this.items.get(this.keyOf(input.Item));
      const scope = { item: existing, names: input.ExpressionAttributeNames, values: input.ExpressionAttributeValues };
      if (input.ConditionExpression && !evaluate(input.ConditionExpression, scope)) throw conditionFailed();
      this.items.set(this.keyOf(input.Item), structuredClone(input.Item));
      return {};
    });
    this.client.on(UpdateCommand).callsFake((input) => {
      const existing = this.items.get(this.keyOf(input.Key));
      const scope = { item: existing, names: input.ExpressionAttributeNames, values: input.ExpressionAttributeValues };
      if (input.ConditionExpression && !evaluate(input.ConditionExpression, scope)) throw conditionFailed();
      const item = structuredClone(existing ?? { ...input.Key });
      applyUpdate(item, input.UpdateExpression, input.ExpressionAttributeNames, input.ExpressionAttributeValues);
      this.items.set(this.keyOf(input.Key), item);
      return {};
    });
    this.client.on(DeleteCommand).callsFake((input) => {
      this.items.delete(this.keyOf(input.Key));
      return {};
    });
    this.client.on(BatchGetCommand).callsFake((input) => {
      const responses: Record<string, Item[]> = {};
      for (const [table, request] of Object.entries(input.RequestItems ?? {}) as Array<[string, { Keys: Item[] }]>) {
        responses[table] = request.Keys.flatMap((key) => {
          const item = this.get(key);
          return item === undefined ? [] : [item];
        });
      }
      return { Responses: responses, UnprocessedKeys: {} };
    });
    this.client.on(BatchWriteCommand).callsFake((input) => {
      for (const requests of Object.values(input.RequestItems ?? {}) as Item[][]) {
        for (const request of requests) {
          const put = request['PutRequest'] as { Item: Item } | undefined;
          const remove = request['DeleteRequest'] as { Key: Item } | undefined;
          if (put) this.items.set(this.keyOf(put.Item), structuredClone(put.Item));
          if (remove) this.items.delete(this.keyOf(remove.Key));
        }
      }
      return { UnprocessedItems: {} };
    });
    this.client.on(QueryCommand).callsFake((input) => {
      const sortKey = input.IndexName ? 'GSI1SK' : 'SK';
      const scope = (item: Item) => ({ item, names: input.ExpressionAttributeNames, values: input.ExpressionAttributeValues });
      let items = [...this.items.values()]
        .filter((item) => evaluate(input.KeyConditionExpression, scope(item)))
        .sort((a, b) => (String(a[sortKey]) < String(b[sortKey]) ? -1 : String(a[sortKey]) > String(b[sortKey]) ? 1 : 0));
      if (input.ScanIndexForward === false) items = items.reverse();
      if (input.Limit !== undefined) items = items.slice(0, input.Limit);
      return { Items: items.map((item) => structuredClone(item)) };
    });
  }
}

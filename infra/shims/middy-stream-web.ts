// `node:stream/web` as @middy/core uses it: only `value instanceof ReadableStream`, on the path of
// streamed responses. Node's own global ReadableStream loads the web streams on first use; the
// module import loads them at every cold start, in every function (infra/function-bundle.ts).
export const ReadableStream = {
  [Symbol.hasInstance]: (value: unknown): boolean => value instanceof globalThis.ReadableStream,
};

/**
 * A value built on its first use and kept. Zod schemas written at module level are built when the
 * module is imported, in every function that imports it, whether that function ever validates
 * with them or not; built on first use, they cost the cold start nothing. (Measured: importing
 * the plan's schemas alone adds about as many instructions as zod itself.) The same holds for a
 * regular expression with a Unicode property (`\p{L}`): V8 looks the property up when it parses
 * the literal, even inside a function never called (2 to 4 M instructions each), but not in the
 * string of `new RegExp(…)` built here.
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

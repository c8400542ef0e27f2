/**
 * What the stack's environment gives every function and the local process must give too. It is a
 * side effect on purpose, and imported before any function: Powertools reads these variables when
 * the functions' logger is built, at import time.
 */
process.env.POWERTOOLS_SERVICE_NAME ??= 'chytrejsi-kraj-monitoring';
// The functions log JSON lines for CloudWatch; in a terminal only their warnings and errors are
// worth showing unless POWERTOOLS_LOG_LEVEL asks for more.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// The local runtime supports Node 20 (the Lambdas run on 22); the SDK's notice that its future
// releases need Node 22 would otherwise open every local run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export {};

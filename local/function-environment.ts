/**
 * What the stack's environment gives every function and the local process must give too. It is a
 * side effect on purpose, and imported before any function: Powertools reads these variables when
 * the functions' logger is built, at import time.
 */
process.env.POWERTOOLS_SERVICE_NAME ??= 'chytrejsi-kraj-monitoring';
// The functions log JSON lines for CloudWatch; in a terminal only their warnings and errors are
// worth showing unless POWERTOOLS_LOG_LEVEL asks for more.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

export {};

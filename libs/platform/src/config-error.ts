/** Thrown with one line that names the offending variable or file; main() prints it and exits 1. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Types of idporten-standin.mjs for the TypeScript tests.
export declare const STANDIN_ACRS: { value: string; label: string }[];
export declare function startIdPortenStandIn(options: {
  identities: { pid: string; name: string; description: string }[];
  clients: { clientId: string; clientSecret: string; redirectUris: string[] }[];
  port?: number;
  host?: string;
}): Promise<{ issuer: string; stop(): Promise<void> }>;
export declare function startEmbeddedIdPorten(
  env: Record<string, string | undefined>,
  identities: { pid: string; name: string; description: string }[],
  log: (line: string) => void,
): Promise<() => Promise<void>>;

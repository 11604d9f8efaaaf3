import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths the API owns: never answered with the web UI's index.html. */
const API_PATHS = /^\/(api|docs|docs-json|health|queues)(\/|$)/;

/**
 * The built web UI (`apps/web`, built by Vite into `dist/web`), found by walking up from this
 * module: the source (`apps/api/src`) and the build (`dist/apps/api/apps/api/src`) sit at
 * different depths below the repository.
 */
export function webUiDir(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'dist', 'web');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Serves the web UI at `/` when it has been built; client-side routes fall back to index.html.
 * Without a build (API-only tests) nothing is registered and `/` is a plain 404.
 */
export function webUiModules(): DynamicModule[] {
  const rootPath = webUiDir();
  if (!rootPath) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: API_PATHS,
      serveStaticOptions: { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex },
    }),
  ];
}

/** Hashed assets may be cached; index.html must not be, or a deploy leaves stale bundles named. */
function noCacheForIndex(res: { setHeader(name: string, value: string): void }, file: string): void {
  if (file.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}

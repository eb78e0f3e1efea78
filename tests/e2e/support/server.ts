import { preview } from 'vite';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a built app folder with `vite preview` on 127.0.0.1 and a free port. */
export async function serveDist(root: string, distDir: string): Promise<Served> {
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('e2e: vite preview started but reported no local URL.');
  }
  return { url: url.endsWith('/') ? url : `${url}/`, close: () => server.close() };
}

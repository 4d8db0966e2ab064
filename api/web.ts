import path from 'node:path';
import fs from 'node:fs';
import express, { Router } from 'express';

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = path.resolve(__dirname, '..', 'web', 'dist');

/**
 * The web app at `/`: Vite's hashed assets cached for a year, index.html never cached so a new
 * build is picked up on the next load. Without a build, `/` says how to make one.
 */
export function webRoutes(dist = WEB_DIST): Router {
  const router = Router();
  const index = path.join(dist, 'index.html');
  router.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  router.get('/', (_req, res) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build:web` (npm start and npm test do this for you).\n');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

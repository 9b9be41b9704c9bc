// Monaco's language workers, loaded from the files build.mjs writes beside graphiql.js, so that
// no worker is fetched from a CDN (what graphiql/setup-workers/esm.sh would do).
const workerFiles = {
  graphql: 'graphql.worker.js',
  json: 'json.worker.js',
};

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = workerFiles[label] ?? 'editor.worker.js';
    return new Worker(new URL(`./workers/${file}`, import.meta.url));
  },
};

/** Where things live in the repository, found from this file rather than the working directory. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SAMPLES_DIR = resolve(REPO_ROOT, 'data/samples');
export const WEB_DIST = resolve(REPO_ROOT, 'packages/web/dist');
export const DEFAULT_GRAPH_FILE = resolve(REPO_ROOT, '.hotline/graph.json');
export const NEO4J_SCRIPT = resolve(REPO_ROOT, 'scripts/neo4j/neo4j.sh');

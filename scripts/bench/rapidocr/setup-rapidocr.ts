import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench:setup-peers`: a virtual environment in `.peers/rapidocr` (git-ignored) with
 * RapidOCR and ONNX Runtime from PyPI at pinned versions, for the benchmark's `rapidocr` engine.
 * Debian needs `python3-venv` for it.
 */

const VENV = fileURLToPath(new URL('../../../.peers/rapidocr', import.meta.url));
export const PEER_PYTHON = `${VENV}/bin/python`;
const PACKAGES = ['rapidocr==3.10.0', 'onnxruntime==1.32.0'];

function setUp(): void {
  if (!existsSync(PEER_PYTHON)) {
    execFileSync('python3', ['-m', 'venv', VENV], { stdio: 'inherit' });
  }
  execFileSync(PEER_PYTHON, ['-m', 'pip', 'install', '--quiet', ...PACKAGES], { stdio: 'inherit' });
  console.log(`RapidOCR peer ready: ${PACKAGES.join(', ')} in ${VENV}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setUp();

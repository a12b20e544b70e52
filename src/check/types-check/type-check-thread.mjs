// @ts-check
// TypeScript's language service in a thread of its own, kept warm between checks: the first
// check of a lesson parses TypeScript's and the packages' declarations (about 2 s of CPU);
// later ones re-read only the files that changed (a fraction of a second), on the other core
// while the tests run. Asked with { id, files }, it answers { id, issues } for those files.
//
// Plain JavaScript: a worker thread gets neither Vite nor tsx, and needs neither.
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';

/** @type {{ projectRoot: string }} */
const { projectRoot } = workerData;
const configFile = ts.findConfigFile(projectRoot, ts.sys.fileExists, 'tsconfig.json');
const config = configFile ? ts.readConfigFile(configFile, ts.sys.readFile).config : {};
const options = { ...ts.parseJsonConfigFileContent(config, ts.sys, projectRoot).options, noEmit: true };

/** @type {string[]} */
let rootFiles = [];

/** A file's version: its size and time, so a saved file is read again and the others are not. */
function version(/** @type {string} */ file) {
  try {
    const { size, mtimeMs } = statSync(file);
    return `${size}:${mtimeMs}`;
  } catch {
    return 'gone';
  }
}

/** @type {import('typescript').LanguageServiceHost} */
const host = {
  getScriptFileNames: () => rootFiles,
  getScriptVersion: version,
  getScriptSnapshot: (file) => {
    const text = ts.sys.readFile(file);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => projectRoot,
  getCompilationSettings: () => options,
  getDefaultLibFileName: ts.getDefaultLibFilePath,
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

parentPort?.on('message', (/** @type {{ id: number, files: string[] }} */ { id, files }) => {
  rootFiles = files;
  const issues = files.flatMap((file) =>
    [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)].map((diagnostic) => {
      const where =
        diagnostic.file && diagnostic.start !== undefined
          ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
          : undefined;
      return {
        file,
        line: where ? where.line + 1 : undefined,
        column: where ? where.character + 1 : undefined,
        code: diagnostic.code,
        // One line per step of TypeScript's reasoning: the first says what is wrong.
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
        source: where && diagnostic.file?.text.split('\n')[where.line]?.trim(),
      };
    }),
  );
  parentPort?.postMessage({ id, issues });
});

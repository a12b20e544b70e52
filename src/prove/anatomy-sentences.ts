// The proof's look at what a lesson's tests say: every `it`/`describe` title and every message
// (expect's second argument, expect.fail's, a thrown error's, a skip note, a never-settled
// explanation) is built with said(english, hinglish) or inBoth(words) of tests/support/said.ts,
// directly or through a constant or a function of the test file that returns one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

const builders = new Set(['said', 'inBoth']);
// aboutMistake(sentence, bullet) names a "Common mistakes" bullet beside a sentence: the sentence is what is said.
const wrappers = new Set(['aboutMistake']);

/** Where each call names its sentence: the argument's index, by the name of what is called. */
const sentenceArgument: Record<string, number> = {
  it: 0,
  test: 0,
  describe: 0,
  expect: 1,
  fail: 0,
  skip: 0,
  Error: 0,
  reworded: 1,
  settleWithin: 2,
};

/** `expect.fail` → "fail", `it.only` → "it", `context.skip` → "skip", `new Error` → "Error"; others undefined. */
function calledName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const owner = callee.expression;
  // it.each(table) takes the table; its title comes in the call after (refused below).
  if (callee.name.text === 'each') return undefined;
  // it.only, describe.skip, it.concurrent: the title is still the first argument of `it`.
  if (ts.isIdentifier(owner) && ['it', 'test', 'describe'].includes(owner.text)) return owner.text;
  // expect.fail(…), context.skip(…); not /regex/.test(…) nor promise.then(…).
  return ['fail', 'skip'].includes(callee.name.text) ? callee.name.text : undefined;
}

/** Finds what a name stands for in the file: a constant's value, or a function's returns. */
function declarations(file: ts.SourceFile): Map<string, ts.Node> {
  const found = new Map<string, ts.Node>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
      found.set(node.name.text, node.initializer);
    if (ts.isFunctionDeclaration(node) && node.name) found.set(node.name.text, node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The expressions a function gives back. */
function returnsOf(fn: ts.Node): ts.Expression[] {
  if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return [fn.body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    // A function inside has returns of its own.
    if (node !== fn && ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/** Whether an expression is a sentence in both languages; names it cannot follow (parameters) count as one. */
function isSaid(node: ts.Expression, known: Map<string, ts.Node>, seen = new Set<ts.Node>()): boolean {
  if (seen.has(node)) return true;
  seen.add(node);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return isSaid(node.expression, known, seen);
  if (ts.isConditionalExpression(node))
    return isSaid(node.whenTrue, known, seen) && isSaid(node.whenFalse, known, seen);
  if (ts.isIdentifier(node)) {
    const value = known.get(node.text);
    if (!value) return true;
    return ts.isFunctionLike(value) || isSaid(value as ts.Expression, known, seen);
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    if (builders.has(node.expression.text)) return true;
    const [wrapped] = node.arguments;
    if (wrappers.has(node.expression.text)) return wrapped !== undefined && isSaid(wrapped, known, seen);
    const fn = known.get(node.expression.text);
    return fn !== undefined && ts.isFunctionLike(fn) && returnsOf(fn).every((value) => isSaid(value, known, seen));
  }
  return false;
}

/** The sentences of a test file said in English only, as "line: what", one each. */
export function unsaidSentences(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const known = declarations(file);
  const problems: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calledName(node);
      const index = name === undefined ? undefined : sentenceArgument[name];
      const sentence = index === undefined ? undefined : node.arguments?.[index];
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      if (sentence && !ts.isFunctionLike(sentence) && !isSaid(sentence, known))
        problems.push(`line ${line}: ${name}(…) says ${sentence.getText(file).slice(0, 60)} in English only`);
      // vitest fills %s of an each-title once: the Hinglish half would read "undefined".
      if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'each')
        problems.push(`line ${line}: ${node.expression.getText(file)}(…) titles: write a loop of it(said(…)) instead`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

/** What a lesson's test file says in English only, one sentence each; empty when nothing. */
export async function sentenceProblems(root: string, slug: string): Promise<string[]> {
  const file = path.join(root, 'tests', `${slug}.test.ts`);
  const source = await readFile(file, 'utf8').catch(() => undefined);
  if (source === undefined) return [];
  const unsaid = unsaidSentences(source, file);
  return unsaid.map(
    (problem) =>
      `tests/${slug}.test.ts, ${problem}: build it with said(english, hinglish) or inBoth(words) (tests/support/said.ts)`,
  );
}

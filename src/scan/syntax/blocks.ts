// Configuration written as nested blocks of `name args... ;` and `name args... { ... }`
// (nginx and the products that copy its syntax). Statements keep their words' offsets.
import { splitLines, type Word, type WordRules } from '../text.js';

/** One statement: its name, its arguments and, for a block, what it holds. */
export interface BlockStatement {
  /** The directive's name. */
  name: Word;
  /** Its arguments. */
  args: Word[];
  /** The statements of its block; null for a simple statement. */
  body: BlockStatement[] | null;
}

/** A place the text cannot be read, with the statements read up to it. */
export interface BlockSyntaxError {
  /** Where. */
  at: number;
  /** What is wrong. */
  message: string;
}

/**
 * How deep blocks may nest: deeper blocks are an error and are not read (nginx's own configurations
 * nest a handful of levels; the readers walk blocks recursively).
 */
export const MAX_BLOCK_DEPTH = 100;

const NGINX_WORDS: WordRules = { comment: '#', quotes: '"\'', backslash: true, punctuation: ';{}', dollarBraces: true };

/**
 * Reads a whole text of blocks. On an error the statements read so far are kept and the
 * reading goes on after the next `;` or `}` where it can, so that one bad line does not hide
 * the rest of the file.
 */
export function readBlocks(
  text: string,
  rules: WordRules = NGINX_WORDS,
): { statements: BlockStatement[]; errors: BlockSyntaxError[] } {
  const errors: BlockSyntaxError[] = [];
  const words: Word[] = [];
  for (const line of splitLines(text, rules)) {
    if (line.unclosedQuote !== null) errors.push({ at: line.unclosedQuote, message: 'a quote that is not closed' });
    for (const w of line.words) words.push(w);
  }
  // A quoted `;` or brace is a word, not punctuation: tell them apart by the text at the word.
  const punct = (w: Word, c: string) => w.value === c && w.end - w.start === 1 && text[w.start] === c;
  const root: BlockStatement[] = [];
  const stack: BlockStatement[][] = [root];
  let current: Word[] = [];
  /** Inside a block nested too deep: how many braces are open in it. */
  let skipping = 0;
  for (const w of words) {
    const body = stack.at(-1)!;
    if (skipping > 0) {
      if (punct(w, '{')) skipping++;
      else if (punct(w, '}')) skipping--;
      continue;
    }
    if (punct(w, '{') && stack.length > MAX_BLOCK_DEPTH) {
      errors.push({ at: w.start, message: `blocks nested deeper than ${MAX_BLOCK_DEPTH}: this one is not read` });
      current = [];
      skipping = 1;
      continue;
    }
    if (punct(w, ';')) {
      if (current.length > 0) body.push({ name: current[0]!, args: current.slice(1), body: null });
      current = [];
    } else if (punct(w, '{')) {
      if (current.length === 0) {
        errors.push({ at: w.start, message: 'a block without a name' });
        current = [{ value: '', start: w.start, end: w.start, valueAt: null }];
      }
      const block: BlockStatement = { name: current[0]!, args: current.slice(1), body: [] };
      body.push(block);
      stack.push(block.body!);
      current = [];
    } else if (punct(w, '}')) {
      if (current.length > 0) {
        errors.push({ at: current[0]!.start, message: `\`${current[0]!.value}\` does not end with \`;\`` });
        current = [];
      }
      if (stack.length === 1) errors.push({ at: w.start, message: 'a `}` that closes no block' });
      else stack.pop();
    } else current.push(w);
  }
  if (current.length > 0)
    errors.push({ at: current[0]!.start, message: `\`${current[0]!.value}\` does not end with \`;\`` });
  if (stack.length > 1 || skipping > 0)
    errors.push({ at: text.length, message: 'a block that is not closed at the end of the file' });
  return { statements: root, errors };
}

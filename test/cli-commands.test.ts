import { describe, expect, it } from 'vitest';
import { COMMAND_ENTRIES } from '../src/cli/main.js';

// main.ts lists each command without loading it (start-up time), so its name, usage and summary
// are written twice: in the table and in the command's module. They must agree.
describe('the command table', () => {
  it.each(COMMAND_ENTRIES.map((e) => [e.name, e] as const))('%s: the entry matches its module', async (_, entry) => {
    const command = await entry.load();
    expect({ name: entry.name, usage: entry.usage, summary: entry.summary }).toEqual({
      name: command.name,
      usage: command.usage,
      summary: command.summary,
    });
  });
});

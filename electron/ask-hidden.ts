// Asks for a secret in the terminal without echoing it (the sync password: never a flag, never shown).
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export function askHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  let muted = true;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((ok) =>
    rl.question('', (answer) => {
      muted = false;
      rl.close();
      process.stderr.write('\n');
      ok(answer);
    }),
  );
}

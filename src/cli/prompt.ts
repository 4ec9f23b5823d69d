import { createInterface } from "node:readline/promises";

/** Asks on the terminal without echoing; reads one line from stdin when it is not a terminal. */
export async function readSecret(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const output = rl as unknown as { _writeToOutput?: (text: string) => void };
  if (process.stdin.isTTY) {
    process.stderr.write(question);
    output._writeToOutput = () => {};
  }
  try {
    const answer = await rl.question(process.stdin.isTTY ? "" : question);
    if (process.stdin.isTTY) process.stderr.write("\n");
    return answer;
  } finally {
    rl.close();
  }
}

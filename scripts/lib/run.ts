// Runs a command with inherited stdio; resolves to its exit code.
import { spawn } from 'node:child_process';

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => ok(code ?? (signal ? 1 : 0)));
    child.on('error', () => ok(127));
  });
}

export async function runOrExit(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  const code = await run(cmd, args, env);
  if (code !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} exited with ${code}`);
    process.exit(code);
  }
}

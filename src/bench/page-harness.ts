/**
 * The contract between a benchmark or training page (BENCH=1 builds) and the script that drives
 * it in headless Chromium: log lines go to #log and the console; the result, as JSON, or the
 * error lands in #status with data-done="ok" or "error".
 */
export const pageBase = (): string => document.body.dataset['base'] ?? '/';

export function pageLog(line: string): void {
  const log = document.getElementById('log');
  if (log) log.textContent += `${line}\n`;
  console.log(line);
}

export function publish(result: Promise<unknown>): void {
  const status = document.getElementById('status')!;
  result
    .then((value) => {
      status.textContent = JSON.stringify(value);
      status.dataset['done'] = 'ok';
    })
    .catch((error: unknown) => {
      status.textContent = String((error as Error).stack ?? error);
      status.dataset['done'] = 'error';
    });
}

/** The line under a demo that runs a shipped model: how it was trained, and a link to its log. */
export function renderModelNote(box: HTMLElement, text: string, logUrl: string): void {
  const link = document.createElement('a');
  link.href = logUrl;
  link.textContent = 'Training log';
  box.replaceChildren(`${text} `, link, '.');
}

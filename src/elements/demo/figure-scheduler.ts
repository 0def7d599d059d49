/**
 * One scheduler of figures for the page, as Distill's figure element does: a single wide
 * IntersectionObserver notices demos nearing the viewport and starts them one after another
 * (each start loads code, data and tensors: ten at once would fight for the one main thread);
 * a second one tells each demo whether it is on screen, so off-screen demos pause.
 */
type Start = () => Promise<void>;

interface Watched {
  start: Start;
  onScreen: (visible: boolean) => void;
}

/** How long one start holds back the next. */
const MOST_MS_PER_START = 4000;

const watched = new Map<Element, Watched>();
const queue: Start[] = [];
let draining = false;
let near: IntersectionObserver | undefined;
let visible: IntersectionObserver | undefined;

async function drain(): Promise<void> {
  if (draining) return;
  draining = true;
  try {
    for (let start = queue.shift(); start; start = queue.shift()) {
      // A start that fails is the demo's to report; a slow one (a large t-SNE being prepared)
      // holds the queue for a few seconds at most.
      await Promise.race([start().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, MOST_MS_PER_START))]);
    }
  } finally {
    draining = false;
  }
}

function observers(): [IntersectionObserver, IntersectionObserver] {
  near ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const item = watched.get(entry.target);
      if (!entry.isIntersecting || !item) continue;
      near?.unobserve(entry.target);
      queue.push(item.start);
    }
    void drain();
  }, { rootMargin: '600px 0px' });
  visible ??= new IntersectionObserver((entries) => {
    for (const entry of entries) watched.get(entry.target)?.onScreen(entry.isIntersecting);
  });
  return [near, visible];
}

/** Starts `start` once `element` nears the viewport; returns the unwatch function. */
export function scheduleFigure(element: Element, start: Start, onScreen: (visible: boolean) => void): () => void {
  const [nearObserver, visibleObserver] = observers();
  watched.set(element, { start, onScreen });
  nearObserver.observe(element);
  visibleObserver.observe(element);
  return () => {
    const item = watched.get(element);
    watched.delete(element);
    nearObserver.unobserve(element);
    visibleObserver.unobserve(element);
    const queued = item ? queue.indexOf(item.start) : -1;
    if (queued >= 0) queue.splice(queued, 1);
  };
}

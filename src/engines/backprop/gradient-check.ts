/**
 * The numeric gradient check of the notes: centred differences (f(x + h) − f(x − h)) / 2h per
 * input, compared with the analytic gradient by relative error |a − n| / max(|a|, |n|). Kinks
 * (a ReLU or max whose inputs are within h of switching) are counted, since there the centred
 * difference straddles two linear pieces and disagrees legitimately.
 */
import { forwardValue, outputOf, type Graph } from './graph.ts';

export type Verdict = 'happy' | 'ok' | 'uncomfortable' | 'wrong';

/** The notes' reading of a relative error (Lecture 6's thresholds). */
export function verdictOf(relativeError: number): Verdict {
  if (!(relativeError <= 1e-2)) return 'wrong';
  if (relativeError > 1e-4) return 'uncomfortable';
  if (relativeError > 1e-7) return 'ok';
  return 'happy';
}

export function relativeError(analytic: number, numeric: number): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric));
  return scale === 0 ? 0 : Math.abs(analytic - numeric) / scale;
}

export interface InputCheck {
  name: string;
  analytic: number;
  numeric: number;
  relativeError: number;
  verdict: Verdict;
}

export function checkGradients(graph: Graph, inputs: Record<string, number>, analytic: Record<string, number>, h = 1e-5): InputCheck[] {
  return graph.inputs.map((name) => {
    const at = (delta: number) => outputOf(graph, { ...inputs, [name]: inputs[name]! + delta });
    const numeric = (at(h) - at(-h)) / (2 * h);
    const error = relativeError(analytic[name]!, numeric);
    return { name, analytic: analytic[name]!, numeric, relativeError: error, verdict: verdictOf(error) };
  });
}

/** ReLU and max gates whose inputs are within h of their switching point at these inputs. */
export function countKinks(graph: Graph, inputs: Record<string, number>, h = 1e-5): number {
  const values = new Float64Array(graph.nodes.length);
  let kinks = 0;
  for (const node of graph.nodes) {
    const args = node.args.map((id) => values[id]!);
    if (node.kind === 'relu' && Math.abs(args[0]!) < h) kinks += 1;
    if (node.kind === 'max' && Math.abs(args[0]! - args[1]!) < 2 * h) kinks += 1;
    values[node.id] = forwardValue(node, args, inputs);
  }
  return kinks;
}

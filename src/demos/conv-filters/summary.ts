/** The filters demo's readouts, as pure functions of what the run knows (unit-tested). */
import type { Responses } from '../../engines/conv-filters/apply-kernels.ts';
import type { Kernel } from '../../engines/conv-filters/kernels.ts';
import { formatNumber } from '../../engines/conv/size-text.ts';
import { BACKEND_LABELS, type BackendName } from '../../tf/types.ts';
import { range } from '../../views/conv-filters/filter-figure.ts';
import type { Source } from './source.ts';

export interface Applied {
  source: Source;
  result: Responses;
  /** Time of the convolution on the backend. */
  ms: number;
}

/** `kernels`: the name of the kernel set (kernelSetName). */
export function describeResponses(kernels: string, applied: Applied | undefined, backend: BackendName): string {
  if (!applied) return 'Computing…';
  const { source, result } = applied;
  const maps = result.labels.map((label, m) => {
    const [lo, hi] = range(result.maps[m]!);
    return `${label} from ${formatNumber(lo)} to ${formatNumber(hi)}`;
  });
  return `${kernels[0]!.toUpperCase()}${kernels.slice(1)} applied to ${source.label}, ${source.image.width}×${source.image.height}, with tf.conv2d (stride 1, zero padding to keep the size) in ${Math.round(applied.ms)} ms on ${BACKEND_LABELS[backend]}: ${maps.join('; ')}.`;
}

/** Why a kernel cannot be copied into the 5×5 editor. */
export function describeUncopyable(kernel: Kernel | undefined): string {
  return `${kernel?.label ?? 'This kernel'} is ${kernel?.size}×${kernel?.size}, larger than the 5×5 editor; pick a 3×3 or 5×5 kernel to start from.`;
}

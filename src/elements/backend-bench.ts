/** <backend-bench>: matmul and conv throughput on every tfjs backend, eager vs fused steps (Lecture 8). */
import { DemoElement } from './demo-element.ts';
import { BACKEND_BENCH_SPEC } from '../demos/backend-bench/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class BackendBenchElement extends DemoElement<typeof BACKEND_BENCH_SPEC> {
  protected readonly spec = BACKEND_BENCH_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof BACKEND_BENCH_SPEC>> {
    return (await import('../demos/backend-bench/run.ts')).createBackendBenchRun;
  }
}

if (!customElements.get('backend-bench')) customElements.define('backend-bench', BackendBenchElement);

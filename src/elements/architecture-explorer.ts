/** <architecture-explorer>: CNN architectures of Lecture 9 by the numbers, layer by layer. */
import { DemoElement } from './demo-element.ts';
import { ARCHITECTURE_EXPLORER_SPEC } from '../demos/architecture-explorer/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class ArchitectureExplorerElement extends DemoElement<typeof ARCHITECTURE_EXPLORER_SPEC> {
  protected readonly spec = ARCHITECTURE_EXPLORER_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof ARCHITECTURE_EXPLORER_SPEC>> {
    return (await import('../demos/architecture-explorer/run.ts')).createArchitectureExplorerRun;
  }
}

if (!customElements.get('architecture-explorer')) customElements.define('architecture-explorer', ArchitectureExplorerElement);

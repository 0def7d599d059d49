/** <knn-demo>: k-nearest neighbours on MNIST: distance timings, cross-validation of k, a digit's neighbours (Lecture 2, Assignment 1). */
import { DemoElement } from './demo-element.ts';
import { KNN_SPEC } from '../demos/knn/spec.ts';
import type { CreateDemoRun } from '../demos/types.ts';

class KnnElement extends DemoElement<typeof KNN_SPEC> {
  protected readonly spec = KNN_SPEC;

  protected async loadRun(): Promise<CreateDemoRun<typeof KNN_SPEC>> {
    return (await import('../demos/knn/run.ts')).createKnnRun;
  }
}

if (!customElements.get('knn-demo')) customElements.define('knn-demo', KnnElement);

/**
 * The learning-rate decay control, as the demos that train with a schedule declare it
 * (src/engines/optimizers/schedule.ts computes the rate). `over` names what the decay runs over.
 */
export function decaySetting(over: string) {
  return {
    kind: 'choice',
    label: 'Learning-rate decay',
    options: [
      { value: 'cosine', label: `cosine to 0 over ${over}` },
      { value: 'none', label: 'none (α throughout)' },
    ],
    default: 'cosine',
    help: `Cosine: α_t = α·½(1 + cos(πt/S)) at step t of the S ${over.replace(/^the /, '')}`,
  } as const;
}

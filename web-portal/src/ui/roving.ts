import type { KeyboardEvent } from 'react';

/**
 * Where an arrow key, Home or End leads in a group of radios (WAI-ARIA's radio group pattern):
 * the next or previous usable one, round the ends, or the first or last; undefined for any other key.
 */
export function nextRadio(key: string, from: number, count: number, usable: (index: number) => boolean): number | undefined {
  const step = (start: number, by: 1 | -1) => {
    for (let i = 1; i <= count; i++) {
      const index = (((start + by * i) % count) + count) % count;
      if (usable(index)) return index;
    }
    return undefined;
  };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return step(from, 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return step(from, -1);
    case 'Home':
      return step(-1, 1);
    case 'End':
      return step(count, -1);
    default:
      return undefined;
  }
}

/**
 * The group's keys: the focus moves to the radio the key leads to and that one is chosen, so the
 * whole group is one Tab stop (the chosen radio, or the first usable one, has tabIndex 0; see `tabStop`).
 */
export function onRadioKey(event: KeyboardEvent<HTMLElement>, choose: (index: number) => void) {
  const radios = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')];
  const usable = (index: number) => !radios[index].hasAttribute('disabled') && radios[index].getAttribute('aria-disabled') !== 'true';
  const from = radios.findIndex((radio) => radio === document.activeElement);
  const next = nextRadio(event.key, from, radios.length, usable);
  if (next === undefined) return;
  event.preventDefault();
  radios[next].focus();
  choose(next);
}

/** The index that takes the group's one Tab stop: the chosen one, else the first usable one. */
export function tabStop(count: number, chosen: number, usable: (index: number) => boolean): number {
  if (chosen >= 0 && usable(chosen)) return chosen;
  return Array.from({ length: count }, (_, i) => i).find(usable) ?? -1;
}

// Form controls that keep their element across renders (so focus and caret stay put) and
// report changes as a partial state.
import { h } from './dom.js';

export interface Control<T> {
  element: HTMLElement;
  /** Shows `value` without firing a change. */
  set(value: T): void;
  /** Enables or disables it (a disabled control says why in its hint). */
  enable(on: boolean): void;
}

export function selectField(
  id: string,
  label: string,
  choices: ReadonlyArray<{ value: string; text: string }>,
  onChange: (value: string) => void,
): Control<string> & { setChoices(c: ReadonlyArray<{ value: string; text: string }>): void } {
  const select = h('select', { id, onchange: () => onChange(select.value) });
  const setChoices = (list: ReadonlyArray<{ value: string; text: string }>) => {
    const keep = select.value;
    select.replaceChildren(...list.map((c) => h('option', { value: c.value }, c.text)));
    if (list.some((c) => c.value === keep)) select.value = keep;
  };
  setChoices(choices);
  return {
    element: h('div', { class: 'field' }, h('label', { for: id }, label), select),
    set: (v) => {
      if (select.value !== v) select.value = v;
    },
    enable: (on) => {
      select.disabled = !on;
    },
    setChoices,
  };
}

export function checkField(id: string, label: string, onChange: (on: boolean) => void): Control<boolean> {
  const box = h('input', { id, type: 'checkbox', onchange: () => onChange(box.checked) });
  return {
    element: h('div', { class: 'field check' }, box, h('label', { for: id }, label)),
    set: (v) => {
      box.checked = v;
    },
    enable: (on) => {
      box.disabled = !on;
    },
  };
}

/** A group of radio buttons (arrow keys move between them, as the browser does). */
export function radioGroup(
  name: string,
  legend: string,
  choices: ReadonlyArray<{ value: string; text: string }>,
  onChange: (value: string) => void,
): Control<string> {
  const inputs = choices.map((c) =>
    h('input', { type: 'radio', name, id: `${name}-${c.value}`, value: c.value, onchange: () => onChange(c.value) }),
  );
  return {
    element: h(
      'fieldset',
      { class: 'radios' },
      h('legend', {}, legend),
      choices.map((c, i) =>
        h('span', { class: 'radio' }, inputs[i]!, h('label', { for: `${name}-${c.value}` }, c.text)),
      ),
    ),
    set: (v) => {
      for (const i of inputs) i.checked = i.value === v;
    },
    enable: (on) => {
      for (const i of inputs) i.disabled = !on;
    },
  };
}

/** A one-line text field; `null` shows as empty. */
export function textField(
  id: string,
  label: string,
  onInput: (value: string) => void,
  placeholder = '',
): Control<string> & { input: HTMLInputElement } {
  const input = h('input', {
    id,
    type: 'text',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    placeholder,
    oninput: () => onInput(input.value),
  });
  return {
    element: h('div', { class: 'field' }, h('label', { for: id }, label), input),
    input,
    set: (v) => {
      if (input.value !== v) input.value = v;
    },
    enable: (on) => {
      input.disabled = !on;
    },
  };
}

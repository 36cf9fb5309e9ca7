/**
 * Where the first JSON syntax error in `text` is, as a 0-based character offset, found by a
 * small scanner of its own: JSON.parse's message quotes the text around the error on some Node
 * versions (`Unexpected token 'x', "…" is not valid JSON`), and a config file's text can be the
 * token secret, so the message itself is never shown. Only called on text JSON.parse refused.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw at;
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const literal = (word: string): void => {
    for (const character of word) {
      if (text[at] !== character) fail();
      at++;
    }
  };
  const string = (): void => {
    at++;
    for (;;) {
      const character = text[at];
      if (character === undefined || character < ' ') fail();
      if (character === '"') break;
      if (character === '\\') {
        at++;
        const escaped = text[at];
        if (escaped === 'u') {
          for (let digit = 0; digit < 4; digit++) {
            at++;
            if (!/[0-9a-fA-F]/.test(text[at] ?? '')) fail();
          }
        } else if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) fail();
      }
      at++;
    }
    at++;
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += (match as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    space();
    const character = text[at];
    if (character === '{') composite('}', true);
    else if (character === '[') composite(']', false);
    else if (character === '"') string();
    else if (character === 't') literal('true');
    else if (character === 'f') literal('false');
    else if (character === 'n') literal('null');
    else number();
  };
  const composite = (close: string, object: boolean): void => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      if (object) {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
      }
      value();
      space();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] !== close) fail();
      at++;
      return;
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail();
  } catch (offset) {
    return offset as number;
  }
  return Math.min(at, text.length);
}

/** `line L, column C` (1-based) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

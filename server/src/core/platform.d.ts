// The only platform globals the core uses beyond ECMAScript: the WHATWG URL parser and TextDecoder,
// which Node, browsers and web workers all provide. The core's own tsconfig (no Node or DOM types)
// declares them here, so that importing `fs`, `vscode` or anything else of a platform fails to compile.
// The project-wide tsconfig uses Node's declarations instead and leaves this file out.

declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
}

declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

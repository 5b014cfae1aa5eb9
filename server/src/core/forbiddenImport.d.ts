// In the core's tsconfig, `vscode`, `vscode-languageserver` and `vscode-languageclient` resolve to this
// module, which exports nothing: whatever the core would use from them fails to compile ("has no
// exported member"). Only client/ speaks VS Code and only server/src/lsp speaks LSP (ARCHITECTURE.md).
export {};

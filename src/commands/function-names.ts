/** The ExecuteFunction names the manifest's ribbon buttons call; commands.ts associates each. */
export const COMMAND_FUNCTIONS = { recheck: "kensaRecheck", clearHighlights: "kensaClearHighlights" } as const;

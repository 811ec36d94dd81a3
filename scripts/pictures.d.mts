export const PICTURE_DIR: string;
export function usedGlyphs(): string[];
export function pictureFiles(): Map<string, string>;

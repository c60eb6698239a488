/** Public surface of the Dockerfile analysis (pure: no Obsidian, no Node built-ins). */
export { analyseDockerfile } from "./analyse";
export { findDockerBlocks, isDockerLanguage, DOCKER_LANGUAGES, type DockerBlock } from "./markdown-blocks";
export { imageSize, findSizeRow, SIZE_TABLE, type SizeRow } from "./base-images";
export { parseImageRef, type ImageRef } from "./image-ref";
export { formatBytes, formatRatio } from "./format";
export { toDockerJson, type DockerBlockJson } from "./json";
export type * from "./types";

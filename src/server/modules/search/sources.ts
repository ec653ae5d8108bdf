import { activitySource } from './activity.source.js';
import { admonitionSource } from './admonition.source.js';
import { itemSource } from './item.source.js';
import { ruleDocumentSource } from './rule-document.source.js';
import type { SearchSource } from './source.js';

/**
 * Every kind of record the search reads, one source per kind (contracts/search SEARCH_KINDS). Each module
 * adds its own source here.
 */
export const SEARCH_SOURCES: SearchSource[] = [itemSource, activitySource, ruleDocumentSource, admonitionSource];

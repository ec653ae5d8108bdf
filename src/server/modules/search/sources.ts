import { adviceSearchSource, projectSearchSource } from '../libraries/search-sources.js';
import { articleSearch, practiceSearch } from '../recognition/search.service.js';
import { activitySource } from './activity.source.js';
import { admonitionSource } from './admonition.source.js';
import { itemSource } from './item.source.js';
import { ruleDocumentSource } from './rule-document.source.js';
import type { SearchSource } from './source.js';

/**
 * Every kind of record the search reads, one source per kind (contracts/search SEARCH_KINDS). Each module
 * adds its own source here.
 */
export const SEARCH_SOURCES: SearchSource[] = [
  itemSource,
  activitySource,
  practiceSearch,
  projectSearchSource,
  adviceSearchSource,
  ruleDocumentSource,
  articleSearch,
  admonitionSource,
];

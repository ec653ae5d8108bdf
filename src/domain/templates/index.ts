import type { TemplateData } from '../campaign-template.js';
import { XING_SHI_FENG } from './xing-shi-feng.js';

/** The templates that ship with Zuofeng, by code. */
export const BUILTIN_TEMPLATES: Readonly<Record<string, TemplateData>> = { [XING_SHI_FENG.code]: XING_SHI_FENG };

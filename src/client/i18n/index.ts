export { dictionary, type MessageKey } from './dictionary';
export { translate, translateWith, useFeatureT, useLang, useT, type Translate, type Vars } from './useT';
export { initialLang, LANG_STORAGE_KEY, persistLang } from './persist';

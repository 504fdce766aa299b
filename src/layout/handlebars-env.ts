import Handlebars from 'handlebars';

/**
 * Layouts produce JSON5, not HTML, so values must be escaped as JSON string
 * content: a title holding `"`, `\` or `}}` must not break out of its string.
 * Handlebars reads `Utils.escapeExpression` when a template is instantiated,
 * and Roneo owns this process, so replacing it here is the supported hook.
 */
Handlebars.Utils.escapeExpression = (value: unknown): string => {
  if (value instanceof Handlebars.SafeString) return value.toString();
  if (value === null || value === undefined || value === false) return '';
  return JSON.stringify(String(value)).slice(1, -1);
};

export type HandlebarsEnv = typeof Handlebars;

export function createHandlebars(): HandlebarsEnv {
  return Handlebars.create();
}

export const SafeString = Handlebars.SafeString;

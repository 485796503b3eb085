export { createRouter, MAX_ROUTE_TEXT, ROUTE_API, type RouteAnswer, type RouteSuggestion, type Router } from './router';
export { routingWordsSchema, type RoutingWords } from './words';

export { MAX_ROUTE_TEXT, ROUTE_API, type RouteAnswer, type RouteSuggestion } from './api';
export { createRouter, type Router } from './router';
export { routingWordsSchema, type RoutingWords } from './words';

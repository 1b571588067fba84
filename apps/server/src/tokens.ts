export const CONFIG = Symbol('CONFIG');
export const DATABASE = Symbol('DATABASE');

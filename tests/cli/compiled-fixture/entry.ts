import { greeting } from './greeting.ts';

export const message: string = greeting('Roneo');

// Mistake: the router is exported but left empty; the routes were written on app in app.ts.
import { Router } from 'express';

export const songRoutes = Router();

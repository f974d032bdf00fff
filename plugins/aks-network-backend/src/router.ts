import express from 'express';
import Router from 'express-promise-router';

/**
 * The plugin's HTTP API under `/api/aks-network`. Routes arrive with the inventory
 * store (clusters, address pools, reservations); each one checks a permission
 * declared in common.
 */
export async function createRouter(): Promise<express.Router> {
  const router = Router();
  router.use(express.json());
  return router;
}

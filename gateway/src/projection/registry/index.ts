export { registryModels, type RegistryModels } from './models';
export { registryProjection } from './registryProjection';

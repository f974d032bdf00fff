export interface Config {
  aksNetwork?: {
    /**
     * The app's permission policy for the AKS network plugin
     * (packages/backend/src/permissions). Entity refs; a bare name is a group in the
     * default namespace.
     */
    permissionPolicy?: {
      /**
       * Groups that manage address pools, run full inventory syncs and commit or
       * release any reservation. Default: group:default/team-platform.
       */
      platformGroups?: string[];
      /**
       * Users or groups who may create clusters (and commit or release their own
       * reservations). Default: any user who is a member of a group.
       */
      clusterCreators?: string[];
    };
  };
}

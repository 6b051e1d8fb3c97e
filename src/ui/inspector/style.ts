/** The small-caps heading shared by the inspector's sections. */
export const sectionHeading = 'text-xs font-bold tracking-wider text-slate-600 uppercase';
